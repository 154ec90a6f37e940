package org.certmgr.adapters.acme;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.certmgr.ports.out.AcmeGateway;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.testkit.contract.AcmeGatewayContract;
import org.certmgr.testkit.pebble.ChallengeWebServer;
import org.certmgr.testkit.pebble.PebbleExtension;
import org.certmgr.testkit.pebble.PebbleServer;
import org.junit.jupiter.api.extension.ExtendWith;

/** The acme4j adapter keeps the gateway contract against a real Pebble on loopback. */
@ExtendWith(PebbleExtension.class)
class Acme4jGatewayContractIT extends AcmeGatewayContract {
    private final PebbleServer pebble;
    private final ChallengeWebServer web;

    Acme4jGatewayContractIT(PebbleServer pebble, ChallengeWebServer web) {
        this.pebble = pebble;
        this.web = web;
    }

    @Override
    protected AcmeGateway gateway() {
        return AcmeAdapters.gateway(pebble.directoryUrl(), List.of(pebble.trustAnchor()));
    }

    @Override
    protected AcmeGateway unreachableGateway() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        return AcmeAdapters.gateway(URI.create("https://127.0.0.1:" + closedPort + "/dir"), List.of());
    }

    @Override
    protected ChallengeResponder responder() {
        return FileChallengeResponder.correct(web);
    }

    @Override
    protected KeyMaterial keyMaterial() {
        return AcmeAdapters.keyMaterial();
    }
}
