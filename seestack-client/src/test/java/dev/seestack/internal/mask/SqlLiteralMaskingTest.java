package dev.seestack.internal.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** SQL string literals in error text are replaced by {@code ?} in one linear pass, whatever their length. */
class SqlLiteralMaskingTest {
    private final SensitiveDataMasker masker = new SensitiveDataMasker();

    @Test
    void replacesEachLiteralIncludingEscapedQuotes() {
        assertEquals("select * from t where a = ? and b = ?",
                masker.maskErrorText("select * from t where a = 'x' and b = 'it''s'"));
    }

    @Test
    void leavesAnUnterminatedLiteralAsItIs() {
        assertEquals("select * from t where a = ? and b = 'open",
                masker.maskErrorText("select * from t where a = 'x' and b = 'open"));
    }

    @Test
    void masksALiteralOfAMillionCharactersWithoutOverflowingTheStack() {
        String sql = "select * from t where a = '" + "y''".repeat(300_000) + "'";
        assertEquals("select * from t where a = ?", masker.maskErrorText(sql));
    }
}
