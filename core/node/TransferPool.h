#pragma once
// The engine's mempool, kept in step with the chain and with Redis: loads the persisted
// transfers at start, persists every change, and after each tip change drops what the new
// tip spent and re-admits the transfers of undone blocks. Lives on the engine thread.
#include "core/chain/Chain.h"
#include "core/mempool/Mempool.h"
#include "core/util/Logger.h"

namespace pb {

namespace storage {
class RedisMempoolStore;
}

class TransferPool {
public:
    TransferPool(const NetworkParams& params, ChainStore& chainStore, storage::RedisMempoolStore& store, Logger& log,
                 MempoolPolicy policy, SignatureVerifier& signatures);

    // Re-admits the persisted transfers against the current tip; throws StoreError.
    void load();
    MempoolAdmission submit(const Bytes& raw, const QString& source);
    // After the active chain moved (connected and/or disconnected blocks).
    void chainChanged(const AcceptResult& result);
    // Transfers for the next block template, leaving room in the block for the rest of it.
    std::vector<Bytes> forTemplate() const;
    const Mempool& mempool() const { return pool_; }

private:
    AccountLookup confirmed();

    const NetworkParams& params_;
    ChainStore& chainStore_;
    storage::RedisMempoolStore& store_;
    Logger& log_;
    Mempool pool_;
};

} // namespace pb
