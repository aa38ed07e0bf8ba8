package dev.seestack.limits.anExceptionClassInThisPackageHasABinaryNameLongerThanTheTwoHundredFiftyFiveCharactersTheBackendStores.becauseItsPackageNameIsLongEnoughOnItsOwnThatTheSdkMustCutItBeforeSendingOrTheEventIsLostAfterAccepting;

/** An exception whose binary name is longer than the 255 characters the backend stores for {@code exceptionClass}. */
public final class ExceptionWhoseBinaryNameIsLongerThanTheBackendStores extends RuntimeException {
    public ExceptionWhoseBinaryNameIsLongerThanTheBackendStores() {
        super("too long a name");
    }
}
