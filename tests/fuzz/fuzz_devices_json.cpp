// Fuzz target for devices.json (the REST API's paired phones): loading any file succeeds or
// fails with a message saying what to do, never a crash. A loaded registry survives its own
// save: revoking one device writes a file that loads back with one device fewer.
#include "core/api/DeviceRegistry.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString path = pb::fuzz::scratchFile("devices.json", pb::fuzz::bytesOf(data, size));
    pb::api::DeviceRegistry registry(path);
    QString error;
    if (!registry.load(&error)) {
        if (error.isEmpty()) pb::fuzz::finding("fuzz_devices_json", "refused without a message");
        return 0;
    }
    const auto devices = registry.devices();
    for (const auto& device : devices)
        if (device.id.size() != 16) pb::fuzz::finding("fuzz_devices_json", "a device with a malformed id");
    if (devices.empty()) return 0;
    if (!registry.revoke(devices.front().id, &error)) pb::fuzz::finding("fuzz_devices_json", "a listed device cannot be revoked");
    pb::api::DeviceRegistry reloaded(path);
    if (!reloaded.load(&error)) pb::fuzz::finding("fuzz_devices_json", "a saved registry does not load", error.toStdString());
    if (reloaded.devices().size() + 1 != devices.size())
        pb::fuzz::finding("fuzz_devices_json", "save + load changed the device count");
    return 0;
}
