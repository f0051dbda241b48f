#include "core/chain/Accounts.h"

namespace pb {

AccountState AccountOverlay::get(const crypto::AddressHash& address)
{
    const auto it = changed_.find(address);
    return it != changed_.end() ? it->second : base_(address);
}

std::optional<uint64_t> blockFees(const Block& block)
{
    uint64_t fees = 0;
    for (size_t i = 1; i < block.transactions.size(); ++i) {
        const auto tx = Transaction::parse(block.transactions[i]);
        if (!tx || tx->type != TxType::Transfer) continue;
        const auto sum = addChecked(fees, tx->transfer.fee);
        if (!sum) return std::nullopt;
        fees = *sum;
    }
    return fees;
}

namespace {

// Records and applies one account step.
void step(AccountOverlay& accounts, std::vector<BalanceChange>* changes, const crypto::AddressHash& address,
          const AccountState& before, const AccountState& after)
{
    accounts.set(address, after);
    changes->push_back({address, before.balance, after.balance, before.nonce, after.nonce});
}

} // namespace

ValidationResult applyBlockTransactions(const Block& block, AccountOverlay& accounts, std::vector<BalanceChange>* changes)
{
    for (size_t i = 1; i < block.transactions.size(); ++i) {
        const auto tx = Transaction::parse(block.transactions[i]);
        if (!tx || tx->type != TxType::Transfer)
            return {BlockError::MalformedTransaction, "transaction " + std::to_string(i) + " is not a transfer"};
        const TransferTx& t = tx->transfer;
        const crypto::AddressHash from = t.from();
        const AccountState sender = accounts.get(from);
        if (const TxCheck check = checkAgainstAccount(t, sender); !check.ok())
            return {BlockError::InvalidTransfer, "transfer " + std::to_string(i) + " " + toHex(txId(block.transactions[i]))
                                                     + ": " + txErrorCode(check.error) + ": " + check.detail};
        step(accounts, changes, from, sender, {sender.balance - t.amount - t.fee, sender.nonce + 1});
        const AccountState recipient = accounts.get(t.to);
        const auto credited = addChecked(recipient.balance, t.amount);
        if (!credited) return {BlockError::BalanceOverflow, "transfer " + std::to_string(i) + " overflows its recipient's balance"};
        step(accounts, changes, t.to, recipient, {*credited, recipient.nonce});
    }
    const auto coinbase = Transaction::parse(block.transactions.front());
    const crypto::AddressHash& to = coinbase->coinbase.to;
    const AccountState miner = accounts.get(to);
    const auto credited = addChecked(miner.balance, coinbase->coinbase.amount);
    if (!credited) return {BlockError::BalanceOverflow, "the coinbase overflows its recipient's balance"};
    step(accounts, changes, to, miner, {*credited, miner.nonce});
    return {};
}

} // namespace pb
