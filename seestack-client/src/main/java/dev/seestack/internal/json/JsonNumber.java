package dev.seestack.internal.json;

/** A finite number already rendered as a valid JSON number token (doubles, big numbers). */
public final class JsonNumber {
    private final String token;

    JsonNumber(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    @Override
    public String toString() {
        return token;
    }
}
