package dev.latchkey.oauth.platform;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** Where the operator's OAuth2 apps are: {@code latchkey.platform-apps.file}, a JSON file ({@link PlatformApps}); none by default. */
@ConfigMapping(prefix = "latchkey.platform-apps")
public interface PlatformAppsConfig {

    Optional<String> file();
}
