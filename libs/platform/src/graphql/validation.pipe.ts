import { ValidationPipe } from '@nestjs/common';
import { badUserInputFromValidation } from './errors';

/**
 * Validates every resolver argument against its class-validator DTO; invalid input answers
 * BAD_USER_INPUT naming each field, before any service code runs.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => badUserInputFromValidation(errors),
  });
}
