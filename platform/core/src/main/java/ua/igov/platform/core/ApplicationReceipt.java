package ua.igov.platform.core;

import java.time.Instant;

/** What a citizen gets back for a submitted application: the number to track it by. */
public record ApplicationReceipt(String trackingNumber, String serviceCode, String status, Instant submittedAt) {
}
