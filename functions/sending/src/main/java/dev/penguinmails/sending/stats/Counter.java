package dev.penguinmails.sending.stats;

/**
 * What a campaign send can be counted for. Opens, clicks, replies and bounces are counted by their own families'
 * events once those land (tracking, inbox, bounces); their counters exist now, at zero, so the API and the items keep
 * their shape (decision 0055).
 */
public enum Counter {
    SENT("sent"), FAILED("failed"), UNSUBSCRIBED("unsubscribed"), OPENED("opened"), CLICKED("clicked"),
    REPLIED("replied"), BOUNCED("bounced");

    private final String attribute;

    Counter(String attribute) {
        this.attribute = attribute;
    }

    /** The item attribute that holds the count. */
    public String attribute() {
        return attribute;
    }
}
