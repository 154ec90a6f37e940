package org.certmgr.adapters.fs;

import java.util.ArrayList;
import java.util.List;

/** An output log that keeps every line, as {@code source: line}, for assertions. */
final class RecordingOutput implements ProcessRunner.OutputLog {
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void line(String source, String line) {
        lines.add(source + ": " + line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
