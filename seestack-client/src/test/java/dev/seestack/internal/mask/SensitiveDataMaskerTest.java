package dev.seestack.internal.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The one masking rule set, rule by rule. */
class SensitiveDataMaskerTest {
    private final SensitiveDataMasker masker = new SensitiveDataMasker();

    @Test
    void masksTheWholeBearerCredentialAfterAuthorization() {
        assertEquals("GET /x Authorization: [MASKED]",
                masker.maskText("GET /x Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig"));
    }

    @Test
    void findsSecretWordsWhateverTheCaseOfTheirFirstLetter() {
        assertEquals("PASSWORD=[MASKED] Token: [MASKED]", masker.maskText("PASSWORD=hunter2 Token: abc"));
        assertEquals("COOKIE: [MASKED]", masker.maskText("COOKIE: s=1"));
        assertEquals("user=ann", masker.maskText("user=ann"));
    }

    @Test
    void judgesARepeatedKeyTheSameWayEachTime() {
        for (int i = 0; i < 3; i++) {
            assertTrue(masker.isSensitiveKey("apiKey"));
            assertFalse(masker.isSensitiveKey("primaryKey"));
        }
        assertFalse(masker.isSensitiveKey(null));
    }

    @Test
    void masksProxyAuthorizationOfAnyScheme() {
        assertEquals("proxy-authorization: [MASKED]\nnext line",
                masker.maskText("proxy-authorization: Basic dXNlcjpwYXNz\nnext line"));
    }

    @Test
    void masksCookieAndSetCookieHeaderValues() {
        assertEquals("Cookie: [MASKED]\nSet-Cookie: [MASKED]",
                masker.maskText("Cookie: sid=abc; theme=dark\nSet-Cookie: sid=def; HttpOnly"));
    }

    @Test
    void filtersSecretQueryValuesAndKeepsTheOthers() {
        assertEquals("https://x/a?key=[FILTERED]&page=2", masker.maskText("https://x/a?key=abc&page=2"));
        assertEquals("GET /cb?access_token=[FILTERED]&apikey=[FILTERED]&api-key=[FILTERED]&client_secret=[FILTERED]"
                        + "&auth_token=[FILTERED]&password=[FILTERED]&auth=[FILTERED]&api_key=[FILTERED]&q=shoes",
                masker.maskText("GET /cb?access_token=a1&apikey=a2&api-key=a3&client_secret=a4&auth_token=a5"
                        + "&password=a6&auth=a7&api_key=a8&q=shoes"));
    }

    @Test
    void filtersTheSessionIdPathParameterInPathsAndText() {
        assertEquals("/owners/11;jsessionid=[FILTERED]", masker.maskText("/owners/11;jsessionid=FFFE0A1B2C3D.node1"));
        assertEquals("/owners/11;JSESSIONID=[FILTERED]?page=2", masker.maskText("/owners/11;JSESSIONID=ab12?page=2"));
        assertEquals("redirect to https://shop/owners/11;jsessionid=[FILTERED]/pets and back",
                masker.maskText("redirect to https://shop/owners/11;jsessionid=ab12/pets and back"));
        assertEquals("GET /a;jsessionid=[FILTERED] failed", masker.maskErrorText("GET /a;jsessionid=ab12 failed"));
    }

    @Test
    void filtersPathParametersNamedAsSecretsAndKeepsTheOthers() {
        assertEquals("/files/7;version=3;access_token=[FILTERED];apiKey=[FILTERED];lang=en",
                masker.maskText("/files/7;version=3;access_token=t0;apiKey=k1;lang=en"));
        assertEquals("/matrix;color=red;size=9", masker.maskText("/matrix;color=red;size=9"));
    }

    @Test
    void filtersQueryValuesInErrorTextToo() {
        assertEquals("GET https://x/a?token=[FILTERED] failed", masker.maskErrorText("GET https://x/a?token=t0 failed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mongodb+srv://u:p@h/db", "redis://:p@h:6379", "postgresql://u:p@h/db", "amqp://u:p@h",
        "jdbc:postgresql://h/db?user=u&password=p", "jdbc:sqlserver://h;user=u;password=p"})
    void replacesConnectionStringsWithCredentialsWholeInErrors(String dsn) {
        assertEquals("cannot connect to [MASKED] now", masker.maskErrorText("cannot connect to " + dsn + " now"));
    }

    @Test
    void replacesAnAdoNetStyleStringWithAPasswordWholeInErrors() {
        assertEquals("cannot open [MASKED]",
                masker.maskErrorText("cannot open Server=x;User Id=sa;Password=p;"));
        assertEquals("bad [MASKED] here",
                masker.maskErrorText("bad Data Source=db;Initial Catalog=shop;Pwd=p;Encrypt=true here"));
    }

    @Test
    void removesCredentialsFromConnectionStringsInLogs() {
        assertEquals("to mongodb+srv://[MASKED]@h/db and redis://[MASKED]@h:6379 and jdbc:[MASKED]",
                masker.maskText("to mongodb+srv://u:p@h/db and redis://:p@h:6379 and jdbc:mysql://h/db?password=p"));
        assertFalse(masker.maskText("Server=x;User Id=sa;Password=p;").contains("Password=p"));
    }

    @Test
    void masksSecretPairsInTextAndKeepsTheirNames() {
        assertEquals("login with password=[MASKED] ok", masker.maskText("login with password=hunter2 ok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "passwd", "pwd", "secret", "clientSecret", "token", "accessToken",
        "refresh_token", "api_key", "apiKey", "x-api-key", "privateKey", "authorization", "Authorization", "cookie",
        "credentials", "db.password", "APIKey", "apiToken"})
    void masksKeysWhoseWordsNameASecret(String key) {
        assertTrue(masker.isSensitiveKey(key), key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"primaryKey", "cacheKey", "idempotencyKey", "keyboard", "monkey", "tokenizer", "user",
        "author", "passage"})
    void keepsKeysThatOnlyContainASecretWordAsASubstring(String key) {
        assertFalse(masker.isSensitiveKey(key), key);
    }

    @Test
    void masksMetadataValuesByKeyAndMasksTextInTheOthers() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("primaryKey", 7);
        meta.put("apiKey", "k");
        meta.put("url", "https://x/a?token=t&page=2");
        assertEquals("{primaryKey=7, apiKey=[MASKED], url=https://x/a?token=[FILTERED]&page=2}",
                masker.maskMetadata(meta, false).toString());
    }

    @Test
    void leavesTextWithoutSecretsUntouched() {
        String text = "order 42 placed for bob at https://shop/x?page=2";
        assertEquals(text, masker.maskText(text));
    }

    @Test
    void staysLinearOnLongAdversarialInput() {
        String hostile = "a=b;".repeat(50_000) + "x://" + "u".repeat(100_000) + " Authorization: "
                + "?key=".repeat(20_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> masker.maskErrorText(hostile));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> masker.maskText(hostile));
    }
}
