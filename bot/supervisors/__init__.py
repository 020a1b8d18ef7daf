"""The office's register of 特邀监督员 (invited supervisors of the business environment).

A supervisor's report runs on its own clock (seed 000 四(一): a rectification plan
within 5 working days), so the claim «我是特邀监督员» is checked against this register
by the phone the report is filed with. The office keeps it from the console
(``/supervisors``) or with ``python -m bot supervisors``. Nothing is read at import.
"""
from bot.supervisors.model import Supervisor
from bot.supervisors.register import SupervisorExists, SupervisorRegister, UnknownSupervisor

__all__ = ["Supervisor", "SupervisorExists", "SupervisorRegister", "UnknownSupervisor"]
