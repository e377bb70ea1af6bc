package com.capexalerts.core.company;

/**
 * A watched company named in a text.
 *
 * @param company    the company
 * @param alias      the alias as matched
 * @param start      offset of the alias
 * @param end        offset after the alias (before any possessive 's)
 * @param possessive true for "Alibaba's"
 */
public record CompanyMention(Company company, String alias, int start, int end, boolean possessive) {}
