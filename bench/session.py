"""A signed-in browser session of the benchmark scripts: the session cookie and the pages' CSRF tokens."""
import http.client
import re
import sys
import urllib.parse


class Session:
    def __init__(self, port, user, password, timeout=600):
        self.connection = http.client.HTTPConnection('127.0.0.1', int(port), timeout=timeout)
        self.cookie = None
        token = self.token('/login')
        status, _, _ = self.call('POST', '/login', urllib.parse.urlencode(
            {'username': user, 'password': password, '_csrf': token}),
            {'Content-Type': 'application/x-www-form-urlencoded'})
        if status != 302:
            sys.exit(f'sign-in failed: HTTP {status}')

    def call(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookie:
            headers['Cookie'] = self.cookie
        try:
            self.connection.request(method, path, body, headers)
            response = self.connection.getresponse()
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            # The server closes a keep-alive connection left idle (Tomcat: 60 s): open another, once.
            self.connection.close()
            self.connection.request(method, path, body, headers)
            response = self.connection.getresponse()
        text = response.read()
        for name, value in response.getheaders():
            if name.lower() == 'set-cookie' and value.startswith('SESSION='):
                self.cookie = value.split(';')[0]
        return response.status, text, dict(response.getheaders())

    def token(self, path):
        status, text, _ = self.call('GET', path)
        match = re.search(rb'name="_csrf" value="([^"]+)"', text)
        if not match:
            sys.exit(f'no CSRF token on {path} (HTTP {status})')
        return match.group(1).decode()
