#pragma once
// Storage may vanish mid-step (a Redis crash); the step is lost, the node is not: the engine's
// once-a-second tick reconnects and reloads the chain from what Redis kept.
#include "core/chain/ChainStore.h"
#include "core/util/Logger.h"

namespace pb::node {

template <typename Work>
void guarded(Logger& log, const char* what, Work&& work)
{
    try {
        work();
    } catch (const StoreError& e) {
        log.error(QString("%1 failed: %2").arg(QString::fromLatin1(what), QString::fromUtf8(e.what())));
    }
}

} // namespace pb::node
