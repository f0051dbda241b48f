// Fuzz target for network files: any bytes give parameters or a reason; accepted parameters
// written back and read again are the same network (same name and genesis hash).
#include "core/node/NetworkFile.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const pb::NetworkFileResult result = pb::parseNetworkFile(pb::fuzz::bytesOf(data, size));
    if (!result.params) {
        if (result.error.isEmpty()) pb::fuzz::finding("fuzz_network_file", "refused without a reason");
        return 0;
    }
    const QString path = pb::fuzz::scratchDir() + "/network.json";
    if (const QString error = pb::writeNetworkFile(*result.params, path); !error.isEmpty())
        pb::fuzz::finding("fuzz_network_file", "cannot write accepted parameters", error.toStdString());
    const pb::NetworkFileResult again = pb::readNetworkFile(path);
    if (!again.params) pb::fuzz::finding("fuzz_network_file", "a written file is refused", again.error.toStdString());
    if (again.params->name != result.params->name || again.params->genesisHash() != result.params->genesisHash())
        pb::fuzz::finding("fuzz_network_file", "write + read changed the network");
    return 0;
}
