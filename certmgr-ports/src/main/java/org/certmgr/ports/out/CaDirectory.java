package org.certmgr.ports.out;

import java.util.Optional;

/**
 * What the CA's directory says about itself.
 *
 * @param termsOfService the URL of the terms a new account must accept, if any
 * @param website        the CA's website, if given
 */
public record CaDirectory(Optional<String> termsOfService, Optional<String> website) {
}
