package com.capexalerts.core.alert;

import java.time.Instant;

/** One outlet's item that carries an event. */
public record Source(String link, String outlet, String title, Instant published) {}
