package dev.latchkey.platform.security;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** One endpoint per permission, as services declare them. */
@Path("/permission-test")
public class PermissionTestResource {

    @GET
    @Requires(Permission.VIEW)
    public String view() {
        return "viewed";
    }

    @POST
    @Requires(Permission.EDIT)
    public String edit() {
        return "edited";
    }

    @DELETE
    @Requires(Permission.DELETE)
    public String delete() {
        return "deleted";
    }

    @GET
    @Path("/things/{name}")
    @Requires(Permission.VIEW)
    public String thing(@PathParam("name") String name) {
        return name;
    }

    @GET
    @Path("/credentials")
    @Requires(Permission.READ_CREDENTIALS)
    public String credentials() {
        return "credentials";
    }

    @POST
    @Path("/toolkit")
    @Requires(Permission.CALL_TOOLKIT)
    public String toolkit() {
        return "toolkit";
    }

    /** Forgot to declare a permission: nobody may call it. */
    @GET
    @Path("/undeclared")
    public String undeclared() {
        return "open by mistake";
    }

    @POST
    @Path("/internal")
    @Requires(Permission.INTERNAL)
    public String internal() {
        return "internal";
    }
}
