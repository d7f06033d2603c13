import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { findUnstorableJson } from '@shopops/contracts';
import { badUserInput, badUserInputFromValidation } from './errors';

/** Validates DTO classes only: enums and scalars are already checked by GraphQL itself. */
class InputValidationPipe extends ValidationPipe {
  protected override toValidate(metadata: ArgumentMetadata): boolean {
    return typeof metadata.metatype === 'function' && super.toValidate(metadata);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Text no table can hold (NUL, lone surrogates) is bad input in an HTTP body or query too, not a database error later.
    if (this.toValidate(metadata) && typeof value === 'object' && value !== null) {
      const unstorable = findUnstorableJson(value);
      if (unstorable.length > 0) throw badUserInput(unstorable);
    }
    return super.transform(value, metadata);
  }
}

/**
 * Validates every resolver and controller argument against its class-validator DTO; invalid
 * input answers BAD_USER_INPUT naming each field, before any service code runs.
 */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => badUserInputFromValidation(errors),
  });
}
