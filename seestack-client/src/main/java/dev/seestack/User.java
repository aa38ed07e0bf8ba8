package dev.seestack;

import java.util.Objects;

/** The user an error happened to; every field is optional. Sent as the error's {@code user} object. */
public final class User {
    private final String id;
    private final String email;
    private final String ip;

    private User(String id, String email, String ip) {
        this.id = id;
        this.email = email;
        this.ip = ip;
    }

    /** A user known by id only. */
    public static User ofId(String id) {
        return new User(id, null, null);
    }

    /** A user with any of id, email and IP address (nulls are left out of the payload). */
    public static User of(String id, String email, String ip) {
        return new User(id, email, ip);
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String ip() {
        return ip;
    }

    /** Whether no field is set. */
    public boolean isEmpty() {
        return id == null && email == null && ip == null;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof User)) {
            return false;
        }
        User u = (User) o;
        return Objects.equals(id, u.id) && Objects.equals(email, u.email) && Objects.equals(ip, u.ip);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, email, ip);
    }

    @Override
    public String toString() {
        return "User{id=" + id + ", email=" + email + ", ip=" + ip + "}";
    }
}
