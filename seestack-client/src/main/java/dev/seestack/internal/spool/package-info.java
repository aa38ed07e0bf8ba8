/**
 * The opt-in disk spool: it owns the spool directory of one process — its segment files, their records and which
 * were answered — and the two threads that write them and resend them, oldest first. It takes what the delivery
 * pipeline would drop through {@code SpoolSink} and judges each resend by the delivery's {@code Outcome} table.
 */
package dev.seestack.internal.spool;
