#include "core/net/PeerChannel.h"

#include "core/net/MessageCodec.h"
#include "core/util/HexText.h"

#include <QDateTime>

namespace pb::net {

qint64 systemClockMs() { return QDateTime::currentMSecsSinceEpoch(); }

QString hexOf(const Hash256& hash) { return hexText(hash); }

void PeerChannel::send(PeerId peer, const Message& message) { links_.send(peer, encode(message)); }

} // namespace pb::net
