package dev.penguinmails.events.sending;

import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code campaign.completed}: a launched campaign's whole audience was enrolled and every enrolment ended (finished,
 * failed, stopped or unknown), so the campaign moved to {@code completed}, once. {@code version} is the campaign's
 * version in that status; {@code enrolments} how many enrolments it had.
 */
@Serdeable
public record CampaignCompleted(String campaignId, long version, int enrolments) { }
