"""Django's Redis cache backend, with one client object per connection pool instead of one per call.

Django's RedisCacheClient builds a new redis.Redis object (and its table of about 200
response callbacks) for every cache call; the connections themselves are already pooled.
A page view makes a few cache calls, so that construction was a measurable share of an
uncached render. A redis.Redis client is safe to share: it takes a pooled connection
for each command.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(index))
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
