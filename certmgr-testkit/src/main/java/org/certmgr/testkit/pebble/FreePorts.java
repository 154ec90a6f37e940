package org.certmgr.testkit.pebble;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks free loopback ports. Another process may still take a port between the choice and
 * its use; the harness then retries with new ports.
 */
final class FreePorts {
    private static final int MAX_TRIES = 20;

    private FreePorts() {
    }

    /**
     * Picks distinct free TCP ports on 127.0.0.1; the first is also free for UDP (for DNS).
     *
     * @param count how many ports
     * @return the ports, the first one free on TCP and UDP
     * @throws IOException when no ports can be found
     */
    static int[] pick(int count) throws IOException {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        List<ServerSocket> held = new ArrayList<>();
        try {
            // Holding all sockets open until the end makes the ports distinct.
            int[] ports = new int[count];
            ports[0] = tcpAndUdp(loopback, held);
            for (int i = 1; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, loopback);
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }

    private static int tcpAndUdp(InetAddress loopback, List<ServerSocket> held) throws IOException {
        for (int i = 0; i < MAX_TRIES; i++) {
            ServerSocket socket = new ServerSocket(0, 1, loopback);
            held.add(socket);
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, socket.getLocalPort()))) {
                return udp.getLocalPort();
            } catch (IOException e) {
                // UDP side taken: keep the TCP socket held so the next try gets another port.
            }
        }
        throw new IOException("no free loopback port for both TCP and UDP after " + MAX_TRIES + " tries");
    }
}
