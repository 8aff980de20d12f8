from wagtail import hooks

from .desk.dashboard import add_home_panel
from .desk.viewsets import MembershipViewSetGroup

# No admin search area is registered for members: the admin's search is for
# editors, who must never see member data.


@hooks.register("register_admin_viewset")
def register_membership_desk():
    return MembershipViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_membership_panel(request, panels):
    add_home_panel(request, panels)
