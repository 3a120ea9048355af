package dev.latchkey.platform.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** {@link PlainText} on a string: the refusal names the character found. */
public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

    private boolean multiLine;

    @Override
    public void initialize(PlainText constraint) {
        multiLine = constraint.multiLine();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || ControlCharacters.refusal(value, multiLine).map(refusal -> refuse(context, refusal)).orElse(true);
    }

    static boolean refuse(ConstraintValidatorContext context, String refusal) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(refusal).addConstraintViolation();
        return false;
    }
}
