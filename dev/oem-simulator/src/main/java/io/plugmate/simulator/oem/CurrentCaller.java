package io.plugmate.simulator.oem;

import jakarta.enterprise.context.RequestScoped;

import io.plugmate.simulator.oauth.Caller;

/** The authenticated caller of the current OEM API request, set by {@link BearerAuthFilter}. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller");
        }
        return caller;
    }
}
