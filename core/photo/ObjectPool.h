#pragma once
// A pool of expensive, non-thread-safe objects (cascade classifiers, dnn nets): each thread
// borrows one for a call and gives it back, and the pool grows to the number of concurrent
// callers. OpenCV's detectMultiScale and Net::forward keep per-call state in the object.
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace pb::photo {

template <typename T>
class ObjectPool {
public:
    using Factory = std::function<std::unique_ptr<T>()>;

    explicit ObjectPool(Factory factory) : m_factory(std::move(factory)) {}

    class Lease {
    public:
        Lease(ObjectPool& pool, std::unique_ptr<T> object) : m_pool(pool), m_object(std::move(object)) {}
        ~Lease() { m_pool.giveBack(std::move(m_object)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        T& operator*() const { return *m_object; }
        T* operator->() const { return m_object.get(); }

    private:
        ObjectPool& m_pool;
        std::unique_ptr<T> m_object;
    };

    // May throw whatever the factory throws.
    Lease borrow()
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_idle.empty()) {
                std::unique_ptr<T> object = std::move(m_idle.back());
                m_idle.pop_back();
                return Lease(*this, std::move(object));
            }
        }
        return Lease(*this, m_factory());
    }

private:
    void giveBack(std::unique_ptr<T> object)
    {
        std::lock_guard lock(m_mutex);
        m_idle.push_back(std::move(object));
    }

    Factory m_factory;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<T>> m_idle;
};

} // namespace pb::photo
