package dev.seestack.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlagResultTest {
    @Test
    void typedHelpersParseTheValueOfAnEnabledFlag() {
        assertTrue(FlagResult.of(true, "TRUE").asBoolean());
        assertFalse(FlagResult.of(true, "false").asBoolean());
        assertTrue(FlagResult.of(true, "variant-b").asBoolean(), "an enabled non-boolean value counts as on");
        assertEquals(42, FlagResult.of(true, " 42 ").asInt(0));
        assertEquals(9_000_000_000L, FlagResult.of(true, "9000000000").asLong(0));
        assertEquals(0.25, FlagResult.of(true, "0.25").asDouble(0));
        assertEquals("variant-b", FlagResult.of(true, "variant-b").asString("control"));
    }

    @Test
    void typedHelpersAnswerTheDefaultForDisabledFlagsAndBadValuesWithoutThrowing() {
        FlagResult disabled = FlagResult.of(false, "42");
        assertFalse(disabled.asBoolean());
        assertTrue(disabled.asBoolean(true));
        assertEquals(7, disabled.asInt(7));
        assertEquals("control", disabled.asString("control"));
        FlagResult bad = FlagResult.of(true, "lots");
        assertEquals(7, bad.asInt(7));
        assertEquals(7L, bad.asLong(7L));
        assertEquals(1.5, bad.asDouble(1.5));
        assertTrue(bad.asBoolean(true));
        assertEquals(7, FlagResult.of(true, "9000000000").asInt(7), "out of int range");
        assertEquals(1.5, FlagResult.of(true, "NaN").asDouble(1.5));
        assertEquals(3, FlagResult.of(true, null).asInt(3));
        assertTrue(FlagResult.of(true, null).asBoolean());
        assertFalse(FlagResult.disabled().asBoolean());
    }
}
