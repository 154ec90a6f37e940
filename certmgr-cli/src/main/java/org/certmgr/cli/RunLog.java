package org.certmgr.cli;

import org.apache.logging.log4j.Logger;

/**
 * Where the report's lines are mirrored: the log file, or nowhere. An interface so that a run
 * without a log file does not start Log4j at all.
 */
interface RunLog {
    /** Mirrors nothing. */
    RunLog NONE = new RunLog() {
        @Override
        public void info(String line) {
        }

        @Override
        public void debug(String line) {
        }

        @Override
        public void warn(String line) {
        }

        @Override
        public void error(String line) {
        }
    };

    /**
     * A line of normal output.
     *
     * @param line the line
     */
    void info(String line);

    /**
     * A line of verbose output.
     *
     * @param line the line
     */
    void debug(String line);

    /**
     * A warning.
     *
     * @param line the line
     */
    void warn(String line);

    /**
     * A failure.
     *
     * @param line the line
     */
    void error(String line);

    /**
     * Mirrors into a Log4j logger.
     *
     * @param logger the logger
     * @return the log
     */
    static RunLog of(Logger logger) {
        return new RunLog() {
            @Override
            public void info(String line) {
                logger.info(line);
            }

            @Override
            public void debug(String line) {
                logger.debug(line);
            }

            @Override
            public void warn(String line) {
                logger.warn(line);
            }

            @Override
            public void error(String line) {
                logger.error(line);
            }
        };
    }
}
