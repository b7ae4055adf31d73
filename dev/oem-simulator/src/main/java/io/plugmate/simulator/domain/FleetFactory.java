package io.plugmate.simulator.domain;

import static io.plugmate.simulator.domain.WorldState.uniform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** Builds households, their devices and OEM accounts; ids are sequential so a seed always gives the same ids. */
final class FleetFactory {

    private static final String VIN_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    private static final int[] CHARGE_LIMITS = { 80, 80, 90, 90, 90, 100 };

    private final WorldState world;

    FleetFactory(WorldState world) {
        this.world = world;
    }

    /** A plausible random household: 1–3 vehicles, 0–2 chargers, TESLA chargers more likely next to a TESLA. */
    HouseholdSpec randomSpec(SplittableRandom r) {
        double p = r.nextDouble();
        int vehicleCount = p < 0.5 ? 1 : p < 0.85 ? 2 : 3;
        double q = r.nextDouble();
        int chargerCount = q < 0.15 ? 0 : q < 0.8 ? 1 : 2;
        List<Vendor> vehicleVendors = Vendor.vehicleVendors();
        List<Vendor> chargerVendors = Vendor.chargerVendors();
        List<Vendor> vehicles = new ArrayList<>();
        for (int i = 0; i < vehicleCount; i++) {
            vehicles.add(vehicleVendors.get(r.nextInt(vehicleVendors.size())));
        }
        List<Vendor> chargers = new ArrayList<>();
        for (int i = 0; i < chargerCount; i++) {
            boolean teslaOwner = vehicles.contains(Vendor.TESLA);
            chargers.add(teslaOwner && r.nextDouble() < 0.5 ? Vendor.TESLA
                    : chargerVendors.get(r.nextInt(chargerVendors.size())));
        }
        return new HouseholdSpec(vehicles, chargers, true, null);
    }

    Household create(HouseholdSpec spec) {
        String householdId = "hh-%04d".formatted(world.households.size() + 1);
        SplittableRandom r = world.randomFor(householdId);
        FleetConfig config = world.config;
        GeoPoint home = spec.home() != null ? spec.home()
                : config.cityCenter().offsetRandomly(r, 0, config.cityRadiusMeters());
        List<Charger> chargers = new ArrayList<>();
        for (Vendor vendor : spec.chargerVendors()) {
            chargers.add(createCharger(vendor, householdId, home));
        }
        List<Vehicle> vehicles = new ArrayList<>();
        for (Vendor vendor : spec.vehicleVendors()) {
            vehicles.add(createVehicle(vendor, householdId, home, chargers, vehicles.size()));
        }
        Household household = new Household(householdId, home, spec.autonomous(), List.copyOf(vehicles),
                List.copyOf(chargers), accounts(householdId, r, vehicles, chargers));
        world.households.put(householdId, household);
        household.accounts().forEach(this::store);
        return household;
    }

    /** A new car in an existing household, registered in the household's account at its vendor (opened if none). */
    Vehicle joinVehicle(Household household, Vendor vendor) {
        Vehicle v = createVehicle(vendor, household.id(), household.home(), household.chargers(),
                household.vehicles().size());
        List<Vehicle> vehicles = new ArrayList<>(household.vehicles());
        vehicles.add(v);
        join(new Household(household.id(), household.home(), household.autonomous(), List.copyOf(vehicles),
                household.chargers(), household.accounts()), v);
        return v;
    }

    /** A new wallbox in an existing household, registered like {@link #joinVehicle}. */
    Charger joinCharger(Household household, Vendor vendor) {
        Charger c = createCharger(vendor, household.id(), household.home());
        List<Charger> chargers = new ArrayList<>(household.chargers());
        chargers.add(c);
        join(new Household(household.id(), household.home(), household.autonomous(), household.vehicles(),
                List.copyOf(chargers), household.accounts()), c);
        return c;
    }

    /** The device leaves its household and its OEM account; the login itself stays (it may hold nothing now). */
    void leave(Device device) {
        Household h = world.households.get(device.householdId());
        OemAccount account = world.accounts.get(world.accountByDevice.remove(device.id()).id()).without(device.id());
        store(account);
        world.households.put(h.id(), new Household(h.id(), h.home(), h.autonomous(),
                h.vehicles().stream().filter(v -> v != device).toList(),
                h.chargers().stream().filter(c -> c != device).toList(), replace(h.accounts(), account)));
    }

    private void join(Household household, Device device) {
        OemAccount existing = household.accounts().stream().filter(a -> a.vendor() == device.vendor()).findFirst()
                .orElse(null);
        OemAccount account = existing != null ? existing.with(device)
                : newAccount(household.id(), device.vendor(), world.randomFor("acct/" + device.id())).with(device);
        List<OemAccount> accounts = existing != null ? replace(household.accounts(), account)
                : append(household.accounts(), account);
        world.households.put(household.id(), new Household(household.id(), household.home(), household.autonomous(),
                household.vehicles(), household.chargers(), accounts));
        store(account);
    }

    /** Accounts are values: every device of a changed one points at its new version. */
    private void store(OemAccount account) {
        world.accounts.put(account.id(), account);
        account.vehicleIds().forEach(id -> world.accountByDevice.put(id, account));
        account.chargerIds().forEach(id -> world.accountByDevice.put(id, account));
    }

    private static List<OemAccount> replace(List<OemAccount> accounts, OemAccount changed) {
        return accounts.stream().map(a -> a.id().equals(changed.id()) ? changed : a).toList();
    }

    private static List<OemAccount> append(List<OemAccount> accounts, OemAccount added) {
        List<OemAccount> more = new ArrayList<>(accounts);
        more.add(added);
        return List.copyOf(more);
    }

    private Charger createCharger(Vendor vendor, String householdId, GeoPoint home) {
        String id = "chg-%05d".formatted(world.chargers.size() + 1);
        SplittableRandom dr = world.randomFor(id);
        Charger c = new Charger(id, vendor, householdId, dr, WorldState.seconds(uniform(dr, -2, 2)), home,
                vendor.name().substring(0, 3) + "-" + code(dr, 10), Math.round(uniform(dr, 50, 3000)));
        world.chargers.put(id, c);
        return c;
    }

    private Vehicle createVehicle(Vendor vendor, String householdId, GeoPoint home, List<Charger> chargers, int index) {
        String id = "veh-%05d".formatted(world.vehicles.size() + 1);
        SplittableRandom dr = world.randomFor(id);
        List<VehicleModel> models = vendor.vehicle().models();
        VehicleModel model = models.get(dr.nextInt(models.size()));
        Duration skew = Duration.ofSeconds(dr.nextInt(-60, 61));
        Vehicle v = new Vehicle(id, vendor, householdId, dr, skew, model, "SIM" + code(dr, 14), uniform(dr, 0.86, 0.93),
                home, home.offsetRandomly(dr, 3_000, 20_000), uniform(dr, 35, 85));
        v.chargeLimitPercent = CHARGE_LIMITS[dr.nextInt(CHARGE_LIMITS.length)];
        v.preferredChargerId = chargers.isEmpty() ? null : chargers.get(index % chargers.size()).id();
        world.vehicles.put(id, v);
        return v;
    }

    /** A visitor's car, parked at {@code household}; not registered anywhere but in the ground truth. */
    Vehicle guest(Household household, int number, SplittableRandom r) {
        List<Vendor> vendors = Vendor.vehicleVendors();
        Vendor vendor = vendors.get(r.nextInt(vendors.size()));
        List<VehicleModel> models = vendor.vehicle().models();
        Vehicle v = new Vehicle("guest-" + household.id() + "-" + number, vendor, household.id(), r, Duration.ZERO,
                models.get(r.nextInt(models.size())), "GUEST", uniform(r, 0.86, 0.93), household.home(),
                household.home(), uniform(r, 20, 60));
        v.guest = true;
        return v;
    }

    /** One account per vendor present; TESLA's holds vehicles and chargers alike. */
    private static List<OemAccount> accounts(String householdId, SplittableRandom r, List<Vehicle> vehicles,
            List<Charger> chargers) {
        Map<Vendor, List<Device>> byVendor = new LinkedHashMap<>();
        vehicles.forEach(v -> byVendor.computeIfAbsent(v.vendor(), k -> new ArrayList<>()).add(v));
        chargers.forEach(c -> byVendor.computeIfAbsent(c.vendor(), k -> new ArrayList<>()).add(c));
        List<OemAccount> accounts = new ArrayList<>();
        byVendor.forEach((vendor, devices) -> {
            OemAccount empty = newAccount(householdId, vendor, r);
            accounts.add(new OemAccount(empty.id(), vendor, householdId, empty.username(), empty.password(),
                    ids(devices, DeviceType.VEHICLE), ids(devices, DeviceType.CHARGER)));
        });
        return List.copyOf(accounts);
    }

    private static OemAccount newAccount(String householdId, Vendor vendor, SplittableRandom r) {
        String lower = vendor.name().toLowerCase(Locale.ROOT);
        return new OemAccount("acct-" + lower + "-" + householdId, vendor, householdId,
                householdId + "@" + lower + ".sim", "pw-" + code(r, 8).toLowerCase(Locale.ROOT), List.of(), List.of());
    }

    private static List<String> ids(List<Device> devices, DeviceType type) {
        return devices.stream().filter(d -> d.type() == type).map(Device::id).toList();
    }

    private static String code(SplittableRandom r, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(VIN_ALPHABET.charAt(r.nextInt(VIN_ALPHABET.length())));
        }
        return sb.toString();
    }
}
