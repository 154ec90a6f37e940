package org.certmgr.cli;

/** ANSI colours for console lines, or none at all. */
enum Style {
    /** Something was installed. */
    CHANGE("\u001b[32m"),
    /** Something the operator should look at. */
    WARNING("\u001b[33m"),
    /** Something failed. */
    FAILURE("\u001b[31m"),
    /** Detail of verbose output. */
    DETAIL("\u001b[2m"),
    /** Nothing to point out: never coloured. */
    PLAIN("");

    private static final String RESET = "\u001b[0m";
    private final String code;

    Style(String code) {
        this.code = code;
    }

    /**
     * Colours a line.
     *
     * @param line    the text
     * @param enabled whether colours are on
     * @return the line, wrapped in this style's colour when enabled
     */
    String apply(String line, boolean enabled) {
        return enabled && !code.isEmpty() ? code + line + RESET : line;
    }
}
