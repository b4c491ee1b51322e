package dev.penguinmails.events.sending;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Which campaign send an email event is about: the enrolment (one contact in one campaign), the sequence step
 * (from 0) and the A/B variant. Campaign statistics count by (campaign, step, variant).
 */
@Serdeable
public record CampaignSend(String campaignId, String enrolmentId, String contactId, int step, String variantId) { }
