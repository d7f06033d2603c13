import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { BearerAuth, Ctx, Roles, type RequestContext } from '@shopops/platform';
import { CreateEndpointBody, EndpointParams, MessagesQuery, ReplayBody, UpdateEndpointBody } from './endpoint.dto';
import { EndpointsService, PUBLIC_EVENT_TYPES, type EndpointView } from './endpoints.service';

/**
 * REST for outbound webhook subscribers (admins and operators):
 *   GET    /webhook-endpoints/event-types
 *   POST   /webhook-endpoints                     {url, eventTypes, description?} → 201 with the secret, once
 *   GET    /webhook-endpoints, /webhook-endpoints/:id
 *   PATCH  /webhook-endpoints/:id                 {url?, eventTypes?, description?, status?: active|paused}
 *   DELETE /webhook-endpoints/:id                 disables it
 *   POST   /webhook-endpoints/:id/rotate-secret   → new secret; the old one signs too until the overlap ends
 *   GET    /webhook-endpoints/:id/messages?status=&limit=   messages with their attempt log
 *   POST   /webhook-endpoints/:id/replay          {messageId} or {from, to}
 * A malformed id is refused by EndpointParams (400), never a failed uuid cast in the database.
 */
@Controller('webhook-endpoints')
@BearerAuth({ signIn: 'a bearer token is required' })
@Roles('operator')
export class WebhookEndpointsController {
  constructor(private readonly endpoints: EndpointsService) {}

  @Get('event-types')
  eventTypes(): { eventTypes: string[] } {
    return { eventTypes: PUBLIC_EVENT_TYPES };
  }

  @Post()
  createEndpoint(@Ctx() ctx: RequestContext, @Body() body: CreateEndpointBody): Promise<EndpointView & { secret: string }> {
    return this.endpoints.create(ctx, body);
  }

  @Get()
  async listEndpoints(): Promise<{ endpoints: EndpointView[] }> {
    return { endpoints: await this.endpoints.list() };
  }

  @Get(':id')
  getEndpoint(@Param() params: EndpointParams): Promise<EndpointView> {
    return this.endpoints.get(params.id);
  }

  @Patch(':id')
  updateEndpoint(@Ctx() ctx: RequestContext, @Param() params: EndpointParams, @Body() body: UpdateEndpointBody): Promise<EndpointView> {
    return this.endpoints.update(ctx, params.id, body);
  }

  @Delete(':id')
  disableEndpoint(@Ctx() ctx: RequestContext, @Param() params: EndpointParams): Promise<EndpointView> {
    return this.endpoints.disable(ctx, params.id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  rotateSecret(@Ctx() ctx: RequestContext, @Param() params: EndpointParams): Promise<{ secret: string; previousExpiresAt: string }> {
    return this.endpoints.rotateSecret(ctx, params.id);
  }

  @Get(':id/messages')
  async listMessages(@Param() params: EndpointParams, @Query() query: MessagesQuery): Promise<{ messages: object[] }> {
    return { messages: await this.endpoints.messages(params.id, query.status, Number(query.limit ?? 50) || 50) };
  }

  @Post(':id/replay')
  @HttpCode(200)
  replayMessages(@Ctx() ctx: RequestContext, @Param() params: EndpointParams, @Body() body: ReplayBody): Promise<{ replayed: number }> {
    return this.endpoints.replay(ctx, params.id, body);
  }
}
