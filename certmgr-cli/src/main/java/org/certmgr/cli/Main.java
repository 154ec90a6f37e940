package org.certmgr.cli;

/** The {@code certmgr} command. */
public final class Main {
    private Main() {
    }

    /**
     * Runs certmgr and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        ExitCode code = new CertmgrCli(CliEnvironment.system()).run(args, System.out, System.err);
        System.exit(code.code());
    }
}
