// Fuzz target for the config file (`key = value` lines) read through the real option parser:
// any file gives options or an error message, never a crash; accepted numbers are in range.
#include "app/Options.h"
#include "tests/fuzz/FuzzSupport.h"

#include <QThread>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString config = pb::fuzz::scratchFile("photoblocks.conf", pb::fuzz::bytesOf(data, size));
    const pb::app::ParseOutcome outcome = pb::app::parseOptions(
        {"photoblocksd", "--config", config, "--datadir", pb::fuzz::scratchDir() + "/data"}, "fuzz");
    if (outcome.kind == pb::app::ParseOutcome::ExitError) {
        if (outcome.message.isEmpty()) pb::fuzz::finding("fuzz_config_file", "an error without a message");
        return 0;
    }
    if (outcome.kind != pb::app::ParseOutcome::Run) pb::fuzz::finding("fuzz_config_file", "a config file asked for help");
    const pb::NodeConfig& node = outcome.options.node;
    if (node.threads < 1 || node.threads > std::max(1, QThread::idealThreadCount()) || node.port < -1 || node.port > 65535
        || node.maxOutbound < 0 || node.maxInbound < 0 || node.dataDir.isEmpty())
        pb::fuzz::finding("fuzz_config_file", "an accepted value is out of range");
    return 0;
}
