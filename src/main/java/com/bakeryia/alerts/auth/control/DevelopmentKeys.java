package com.bakeryia.alerts.auth.control;

import com.bakeryia.alerts.auth.entity.SigningKey;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * Decides at start-up whether this server runs the demo login and signs its own development tokens
 * ({@link DemoLoginRule}: {@code DEMO_LOGIN}, a configured key, the database), and says so in one
 * log line. When it does, it loads (or creates) the development key shared by every server of the
 * deployment through the database. The database kind is read from the data source itself, so it is
 * the database the server really uses, whatever the configuration claims.
 */
@ApplicationScoped
public class DevelopmentKeys {

    private static final Logger LOG = Logger.getLogger(DevelopmentKeys.class.getName());

    @Inject
    Config config;

    @Inject
    SigningKeyStore store;

    @Resource(lookup = "jdbc/alerts")
    DataSource dataSource;

    /** {@code DEMO_LOGIN} = auto | on | off. */
    static final String DEMO_LOGIN = "demo.login";

    private volatile DemoLoginRule.Outcome outcome;
    private volatile PrivateKey privateKey;
    private volatile PublicKey publicKey;
    private volatile String keyId;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        boolean keyConfigured =
                config.getOptionalValue(JwtSettings.PUBLIC_KEY, String.class).isPresent()
                        || config.getOptionalValue(JwtSettings.PUBLIC_KEY_LOCATION, String.class)
                                .isPresent();
        boolean hs256 = config.getOptionalValue(JwtSettings.HS256_SECRET, String.class)
                .filter(s -> !s.isBlank())
                .isPresent();
        DemoLoginRule.Outcome decided = DemoLoginRule.decide(
                DemoLoginRule.Setting.parse(
                        config.getOptionalValue(DEMO_LOGIN, String.class).orElse(null)),
                keyConfigured,
                keyConfigured ? DemoLoginRule.Database.OTHER : database(),
                hs256);
        if (!decided.demoLogin()) {
            outcome = decided;
            LOG.log(decided.acceptsTokens() ? Level.INFO : Level.SEVERE, decided.message());
            return;
        }
        SigningKey key = loadOrCreate();
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            Base64.Decoder base64 = Base64.getDecoder();
            publicKey = rsa.generatePublic(new X509EncodedKeySpec(base64.decode(key.publicKey())));
            privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(key.privateKey())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored development key cannot be read", e);
        }
        keyId = key.keyId();
        outcome = decided;
        LOG.info(() -> decided.message() + " Development key id " + keyId + ".");
    }

    /** The database this server really uses; one that cannot be asked counts as not the embedded demo's. */
    private DemoLoginRule.Database database() {
        try (Connection connection = dataSource.getConnection()) {
            return DemoLoginRule.Database.ofProduct(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not tell which database this is; the demo login follows DEMO_LOGIN only", e);
            return DemoLoginRule.Database.OTHER;
        }
    }

    private SigningKey loadOrCreate() {
        return store.find(SigningKey.DEVELOPMENT).orElseGet(() -> {
            try {
                return store.create(SigningKey.DEVELOPMENT);
            } catch (RuntimeException lostRace) {
                return store.find(SigningKey.DEVELOPMENT).orElseThrow(() -> lostRace);
            }
        });
    }

    /** Whether the demo login is on: this server signs (and accepts) development tokens. */
    public boolean active() {
        return privateKey != null;
    }

    /** What was decided at start-up; null before. */
    public DemoLoginRule.Outcome outcome() {
        return outcome;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    String keyId() {
        return keyId;
    }
}
