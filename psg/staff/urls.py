from django.urls import path

from psg.staff import views

urlpatterns = [
    path("", views.account, name="staff-two-factor"),
    path("enrol/", views.enrol, name="staff-two-factor-enrol"),
    path("verify/", views.verify, name="staff-two-factor-verify"),
    path("recovery-codes/", views.recovery_codes, name="staff-recovery-codes"),
    path(
        "recovery-codes/download/",
        views.recovery_codes_download,
        name="staff-recovery-codes-download",
    ),
    path(
        "recovery-codes/done/",
        views.recovery_codes_done,
        name="staff-recovery-codes-done",
    ),
]
