#pragma once
// A hand-rolled WebSocket client for hostile-peer tests: binds to a chosen loopback address
// (so bans of it leave other local peers alone) and sends exactly the frames a test wants,
// including ones no well-behaved client library would produce.
#include <QByteArray>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QtTest>
#include <optional>

namespace pb::test {

class RawPeer {
public:
    // Connects from `source` (e.g. 127.0.0.66) and completes the WebSocket upgrade.
    bool open(const QString& source, quint16 port, const QString& path)
    {
        socket_.abort();
        buffer_.clear();
        if (!socket_.bind(QHostAddress(source))) return false;
        socket_.connectToHost(QHostAddress::LocalHost, port);
        if (!socket_.waitForConnected(3000)) return false;
        const QByteArray key = QByteArray::number(QRandomGenerator::global()->generate64()).toBase64();
        socket_.write("GET " + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
                      + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                      + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QElapsedTimer timer;
        timer.start();
        while (!buffer_.contains("\r\n\r\n") && timer.elapsed() < 3000) {
            if (!socket_.waitForReadyRead(100)) continue;
            buffer_ += socket_.readAll();
        }
        const bool upgraded = buffer_.startsWith("HTTP/1.1 101");
        buffer_ = buffer_.mid(buffer_.indexOf("\r\n\r\n") + 4);
        return upgraded;
    }

    // One masked frame (opcode 2 = binary, 1 = text), as RFC 6455 requires of clients.
    void sendFrame(const QByteArray& payload, int opcode = 2)
    {
        QByteArray frame;
        frame.append(char(0x80 | opcode));
        const quint64 n = quint64(payload.size());
        if (n < 126) {
            frame.append(char(0x80 | n));
        } else if (n < 65536) {
            frame.append(char(0x80 | 126));
            frame.append(char(n >> 8)).append(char(n));
        } else {
            frame.append(char(0x80 | 127));
            for (int i = 7; i >= 0; --i) frame.append(char(n >> (8 * i)));
        }
        const quint32 mask = QRandomGenerator::global()->generate();
        char m[4] = {char(mask >> 24), char(mask >> 16), char(mask >> 8), char(mask)};
        frame.append(m, 4);
        QByteArray body = payload;
        for (qsizetype i = 0; i < body.size(); ++i) body[i] = char(body[i] ^ m[i % 4]);
        socket_.write(frame + body);
        socket_.flush();
    }

    // The next complete data message from the node (server frames are unmasked; control
    // frames are skipped, fragments joined), or nullopt when none arrives within `timeoutMs`.
    std::optional<QByteArray> readMessage(int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        QByteArray message;
        for (;;) {
            while (buffer_.size() >= 2) {
                const auto opcode = int(uchar(buffer_[0]) & 0x0f);
                const bool fin = uchar(buffer_[0]) & 0x80;
                quint64 length = uchar(buffer_[1]) & 0x7f;
                qsizetype header = 2;
                if (length == 126 || length == 127) {
                    const int bytes = length == 126 ? 2 : 8;
                    if (buffer_.size() < 2 + bytes) break;
                    length = 0;
                    for (int i = 0; i < bytes; ++i) length = (length << 8) | uchar(buffer_[2 + i]);
                    header += bytes;
                }
                if (quint64(buffer_.size() - header) < length) break;
                const QByteArray payload = buffer_.mid(header, qsizetype(length));
                buffer_.remove(0, header + qsizetype(length));
                if (opcode >= 8) continue;  // close, ping, pong
                message += payload;
                if (fin) return message;
            }
            const qint64 left = timeoutMs - timer.elapsed();
            if (left <= 0 || socket_.state() != QAbstractSocket::ConnectedState) return std::nullopt;
            if (socket_.waitForReadyRead(int(std::min<qint64>(left, 100)))) buffer_ += socket_.readAll();
        }
    }

    // True once the node has closed the connection (within `timeoutMs`).
    bool waitForClose(int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (socket_.state() == QAbstractSocket::UnconnectedState) return true;
            socket_.waitForReadyRead(50);
            socket_.readAll();
            QTest::qWait(10);
        }
        return socket_.state() == QAbstractSocket::UnconnectedState;
    }

private:
    QTcpSocket socket_;
    QByteArray buffer_;
};

} // namespace pb::test
