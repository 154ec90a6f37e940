package org.certmgr.domain;

/**
 * A value does not satisfy the rules of the domain type it was meant to become.
 *
 * <p>The message names the value and the rule it breaks, in words a sysadmin understands;
 * callers add where the value came from (a file and a JSON path, say).
 */
public class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the offending value
     */
    public InvalidValueException(String message) {
        super(message);
    }
}
