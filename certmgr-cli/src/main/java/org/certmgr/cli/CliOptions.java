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
    static final String CERTS = "certs";
    static final String OCSP = "ocsp";
    static final String SCT = "sct";
    static final String PASS = "pass";
    static final String PASS_FILE = "pass-file";
    static final String RANDOM_WAIT = "randomwait";
    static final String COLOR = "color";
    static final String NO_COLOR = "no-color";
    static final String NO_AUTH = "no-auth";
    static final String REASON = "reason";
    static final String VERIFY = "verify";
    static final String JSON = "json";

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
        options.addOption(Option.builder().longOpt(FORCE).desc("update: renew the selected certificates even when they are"
                + " not due, and regenerate their parameters").get());
        options.addOption(Option.builder().longOpt(VERIFY).desc("update: afterwards (after the reloads) verify that"
                + " the servers serve the selected certificates, as the verify action does").get());
        options.addOption(Option.builder().longOpt(CERTS).desc("update: only keys, certificates and parameters").get());
        options.addOption(Option.builder().longOpt(NO_AUTH).desc("update: answer no challenge; issue only with the"
                + " authorizations a master obtained with 'certmgr auth' for the same account").get());
        options.addOption(Option.builder().longOpt(REASON).hasArg().argName("REASON")
                .desc("revoke: the reason given to the CA: unspecified (default), keyCompromise,"
                        + " affiliationChanged, superseded or cessationOfOperation").get());
        options.addOption(Option.builder().longOpt(OCSP).desc("update: only OCSP responses (ocsp.der)").get());
        options.addOption(Option.builder().longOpt(SCT).desc("update: only Certificate Transparency SCTs").get());
        options.addOption(Option.builder().longOpt(JSON).desc("status: print JSON for scripts instead of the table"
                + " (fields in docs/status-and-metrics.md)").get());
        options.addOption(Option.builder().longOpt(PASS).hasArg().argName("PASSPHRASE")
                .desc("passphrase for every key whose key_passphrase is true; visible to other users in the process"
                        + " list: prefer the environment (NAME_PASSPHRASE, ACME_CLIENT_PASSPHRASE) or --pass-file").get());
        options.addOption(Option.builder().longOpt(PASS_FILE).hasArg().argName("FILE")
                .desc("like --pass, with the passphrase read from the first line of FILE").get());
        options.addOption(Option.builder().longOpt(RANDOM_WAIT).desc("first wait a random time between min_run_delay and"
                + " max_run_delay seconds, and wait for a running certmgr to finish instead of exiting").get());
        OptionGroup color = new OptionGroup();
        color.addOption(Option.builder().longOpt(COLOR).desc("colour the output, even when it is not a terminal").get());
        color.addOption(Option.builder().longOpt(NO_COLOR).desc("never colour the output").get());
        options.addOptionGroup(color);
        options.addOption(Option.builder("h").longOpt(HELP).desc("show this help and exit").get());
        options.addOption(Option.builder("V").longOpt(VERSION).desc("show the version and exit").get());
        return options;
    }
}
