import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { badUserInputFromValidation } from './errors';

/** Validates DTO classes only: enums and scalars are already checked by GraphQL itself. */
class InputValidationPipe extends ValidationPipe {
  protected override toValidate(metadata: ArgumentMetadata): boolean {
    return typeof metadata.metatype === 'function' && super.toValidate(metadata);
  }
}

/**
 * Validates every resolver argument against its class-validator DTO; invalid input answers
 * BAD_USER_INPUT naming each field, before any service code runs.
 */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => badUserInputFromValidation(errors),
  });
}
