package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The command line; the flow itself runs against `./plugmate run` (dev-stack README, "Linking without a browser"). */
class LinkCommandTest {

    @Test
    void takesUserAndVendorWithTheFirstApiClientUnlessTold() {
        assertThat(LinkCommand.Arguments.parse("/repo", "hh-0001", "tesla"))
                .isEqualTo(new LinkCommand.Arguments(Path.of("/repo"), "hh-0001", "TESLA", "acme-energy"));
        assertThat(LinkCommand.Arguments.parse("/repo", "hh-0002", "BMW", "--client", "volt-charge").clientId())
                .isEqualTo("volt-charge");
        assertThat(LinkCommand.Arguments.parse("/repo", "--client=volt-charge", "hh-0002", "BMW").clientId())
                .isEqualTo("volt-charge");
    }

    @Test
    void saysHowToCallItWhenArgumentsAreMissingOrUnknown() {
        assertThatThrownBy(() -> LinkCommand.Arguments.parse("/repo", "hh-0001"))
                .isInstanceOf(CommandFailure.class).hasMessageContaining("./plugmate link hh-0001 TESLA");
        assertThatThrownBy(() -> LinkCommand.Arguments.parse("/repo", "hh-0001", "TESLA", "--verbose"))
                .isInstanceOf(CommandFailure.class).hasMessageContaining("unknown option --verbose");
    }

    @Test
    void theDefaultClientIsAnApiClientOfTheDevRealm() {
        RealmInfo realm = RealmInfo.read(new Layout(Path.of("../..")).realmFile());

        assertThat(KeycloakTokens.client(realm, LinkCommand.DEFAULT_CLIENT).roles()).contains("api-client");
    }
}
