package org.certmgr.testkit.pebble;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pebble settings for the servers {@link PebbleExtension} starts for a test class, as
 * {@code NAME=value} pairs, e.g. {@code @PebbleEnvironment("PEBBLE_AUTHZREUSE=100")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PebbleEnvironment {
    /**
     * The variables.
     *
     * @return {@code NAME=value} pairs
     */
    String[] value();
}
