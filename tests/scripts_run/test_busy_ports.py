"""`make run` refuses to start on ports something else already listens on."""
import socket

from services import busy_ports, free_port


def test_a_port_someone_listens_on_is_busy_and_a_free_one_is_not():
    # found by the newcomer run: with another stack on 5005/5055/8000, `make run` printed
    # «营商助手 is running» (the other stack answered its readiness check), then died
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        taken = listener.getsockname()[1]
        free = free_port()
        assert busy_ports([taken, free]) == [taken]
    assert busy_ports([taken]) == []
