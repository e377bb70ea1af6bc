package com.capexalerts.core.poll;

/**
 * An item that could not be read or processed. Processed-but-failed items are not marked seen, so the next poll
 * retries them.
 *
 * @param feedUrl the feed
 * @param itemId  the item's id, or null when the reader could not get one
 * @param message why
 */
public record ItemError(String feedUrl, String itemId, String message) {}
