package org.certmgr.adapters.fs.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.InvalidValueException;

/** Reads the two sections that map names to local things: {@code services} and {@code http_challenges}. */
final class LocalSectionsReader {

    /** The {@code services} section: the command strings for the core, their arguments for the runner. */
    record Services(Map<String, String> commands, Map<String, List<String>> args) {
    }

    private LocalSectionsReader() {
    }

    static Services services(Section s) throws ConfigException {
        Map<String, String> commands = new LinkedHashMap<>();
        Map<String, List<String>> args = new LinkedHashMap<>();
        for (Map.Entry<String, Node> entry : s.entries()) {
            Node node = entry.getValue();
            if (entry.getKey().isBlank()) {
                throw node.error("a service needs a name");
            }
            String command = node.nonEmptyString();
            args.put(entry.getKey(), split(node, command));
            commands.put(entry.getKey(), command);
        }
        return new Services(commands, args);
    }

    /** Splits a command string into arguments, warning when it relies on a shell it will not get. */
    static List<String> split(Node node, String command) throws ConfigException {
        CommandSplitter.Split split;
        try {
            split = CommandSplitter.split(command);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
        if (split.looksLikeShell()) {
            node.context().warn(node.path(), "commands are not run through a shell, so |, &&, ;, <, >, $ and ~ are"
                    + " passed on as plain text; write [\"sh\", \"-c\", \"...\"] (hooks) or a script if you need a shell");
        }
        return split.args();
    }

    static Map<DnsName, Path> httpChallenges(Section s) throws ConfigException {
        Map<DnsName, Path> folders = new LinkedHashMap<>();
        for (Map.Entry<String, Node> entry : s.entries()) {
            Node node = entry.getValue();
            DnsName name;
            try {
                name = DnsName.of(entry.getKey());
            } catch (InvalidValueException e) {
                throw node.invalid(e);
            }
            if (folders.put(name, Values.path(node)) != null) {
                throw node.error(name + " has two challenge directories");
            }
        }
        return folders;
    }
}
