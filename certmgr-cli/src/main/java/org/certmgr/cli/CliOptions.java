package org.certmgr.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;

/** The command-line options, in one place: their names, and the Commons CLI definitions. */
final class CliOptions {
    static final String CONFIG = "config";
    static final String DEBUG = "debug";
    static final String VERBOSE = "verbose";
    static final String QUIET = "quiet";
    static final String FORCE = "force";
    static final String HELP = "help";
    static final String VERSION = "version";

    private CliOptions() {
    }

    static Options definitions() {
        Options options = new Options();
        options.addOption(Option.builder("c").longOpt(CONFIG).hasArg().argName("FILE")
                .desc("configuration file (default certmgr.json); a relative name is looked for in the current"
                        + " directory, /etc/certmgr and the installation directory").get());
        OptionGroup level = new OptionGroup();
        level.addOption(Option.builder().longOpt(DEBUG).desc("print everything certmgr does, including the CA's replies").get());
        level.addOption(Option.builder("v").longOpt(VERBOSE).desc("also say what was checked and why nothing was done").get());
        level.addOption(Option.builder("q").longOpt(QUIET).desc("print errors only").get());
        options.addOptionGroup(level);
        options.addOption(Option.builder().longOpt(FORCE).desc("renew the selected certificates even when they are not due").get());
        options.addOption(Option.builder("h").longOpt(HELP).desc("show this help and exit").get());
        options.addOption(Option.builder("V").longOpt(VERSION).desc("show the version and exit").get());
        return options;
    }
}
