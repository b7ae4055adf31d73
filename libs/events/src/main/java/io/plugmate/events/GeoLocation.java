package io.plugmate.events;

public record GeoLocation(double latitude, double longitude) {
}
